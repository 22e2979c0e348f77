package org.deskphone.sip;

/**
 * What a hold re-INVITE says (ALE seed L8006-8043, Yealink {@code sip.rfc2543_hold} seed L4167): RFC 3264
 * {@code a=sendonly} (default), {@code a=inactive} ({@code FeatureHoldUseInactiveEnable}), or the RFC 2543
 * form {@code c=0.0.0.0} ({@code SIPRfc2543HoldEnable}).
 */
public enum HoldStyle {
    SENDONLY, INACTIVE, RFC2543
}
