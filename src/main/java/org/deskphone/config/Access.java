package org.deskphone.config;

/**
 * Who is asking: the three access levels of the ALE permission model (L2743), lowest first. Yealink's
 * three-level web permissions (user, var, admin; {@code security.var_enable}, L5432) are the same.
 */
public enum Access {
    USER, VAR, ADMIN
}
