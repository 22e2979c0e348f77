package org.deskphone.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.deskphone.config.Access;
import org.deskphone.config.Config;
import org.deskphone.config.Parameter;
import org.deskphone.config.Permission;

/**
 * Who may see and change what, checked on the server for every read and write: the catalogue's code of a
 * parameter (ALE L2890-2945), the code of its page and section, and, with the three-level permissions on
 * ({@code security.var_enable}, ALE {@code DeviceUserAccessPermissionEnable}, L2831), the permission file's
 * codes for those items and for the parameter itself. Every one of them must allow: the permission file
 * can hide or protect more than the catalogue does, never less (a file cannot let a user change what the
 * catalogue keeps for the administrator).
 */
final class Permissions {
    static final String VAR_ENABLE = "security.var_enable";

    /** What one access level may do with one thing. */
    record Rights(boolean read, boolean write) {
        static final Rights NONE = new Rights(false, false);

        Rights and(Permission permission, Access level) {
            return new Rights(read && permission.canRead(level), write && permission.canWrite(level));
        }
    }

    private final Path folder;
    private volatile Signature seen;
    private volatile PermissionFile file = PermissionFile.NONE;

    /** {@code folder}: where permission files are kept ({@code <data>/resources/web-permissions}). */
    Permissions(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The permission file in force with {@code config}: none unless the three-level permissions are on. */
    PermissionFile file(Config config) {
        if (!config.bool(VAR_ENABLE)) {
            return PermissionFile.NONE;
        }
        Signature now = Signature.of(folder);
        if (!now.equals(seen)) {
            file = PermissionFile.read(folder);
            seen = now;
        }
        return file;
    }

    /** The rules in force with {@code config}: read the permission file once, then ask many questions. */
    Rules rules(Config config) {
        return new Rules(file(config));
    }

    /** The permission file's codes applied to pages, sections and parameters. */
    static final class Rules {
        private final PermissionFile file;

        Rules(PermissionFile file) {
            this.file = file;
        }

        Rights page(Pages.Page page, Access level) {
            return new Rights(true, true).and(file.item(page.item()).orElse(page.defaults()), level);
        }

        Rights section(Pages.Page page, Pages.Section section, Access level) {
            return page(page, level).and(file.item(section.item()).orElse(section.defaults()), level);
        }

        /** What {@code level} may do with {@code parameter}: hidden ones (web passwords) never show here. */
        Rights parameter(Parameter parameter, Access level) {
            Optional<Pages.Home> home = Pages.home(parameter);
            if (home.isEmpty() || Pages.hidden(parameter)) {
                return Rights.NONE;
            }
            Rights rights = section(home.get().page(), home.get().section(), level).and(parameter.permission(), level);
            Optional<Permission> own = file.parameter(parameter);
            return own.isPresent() ? rights.and(own.get(), level) : rights;
        }
    }

    /** The files' names, sizes and times: reading them again only when this changes. */
    private record Signature(String text) {
        static Signature of(Path folder) {
            if (!Files.isDirectory(folder)) {
                return new Signature("");
            }
            StringBuilder text = new StringBuilder();
            try (Stream<Path> files = Files.list(folder)) {
                files.sorted().forEach(f -> {
                    try {
                        text.append(f.getFileName()).append(' ').append(Files.size(f)).append(' ')
                                .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                    } catch (IOException e) {
                        text.append(f.getFileName()).append(" ?\n");
                    }
                });
            } catch (IOException e) {
                return new Signature("?");
            }
            return new Signature(text.toString());
        }
    }
}
