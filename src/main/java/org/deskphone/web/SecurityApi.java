package org.deskphone.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.deskphone.config.Access;
import org.deskphone.config.Config;
import org.deskphone.config.format.FormatException;
import org.deskphone.provision.ResourceKind;

/**
 * The security page: the three logins and their passwords, the web certificate, the trusted CA
 * certificates provisioning and SIP use, and the permission file.
 */
final class SecurityApi {
    /** ALE L3248-3250: up to 10 custom CA certificates, .pem/.cer/.crt/.der, 5 MB each. */
    static final int MAX_TRUSTED = 10;
    static final long MAX_CERTIFICATE = 5L * 1024 * 1024;
    private static final Set<String> CA_EXTENSIONS = Set.of("pem", "cer", "crt", "der");
    private final WebContext context;

    SecurityApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.get("/api/users", Access.ADMIN, "security", "the three logins: name, whether on, whether the password is the factory one", this::users);
        routes.post("/api/users/password", Access.ADMIN, "security", "set a level's password: {level, password}", this::setPassword);
        routes.get("/api/security/certificate", Access.ADMIN, "security", "the web certificate", this::certificate);
        routes.post("/api/security/certificate", Access.ADMIN, "security",
                "replace the web certificate: {name, content (base64 .p12/.pfx), password}", this::replaceCertificate);
        routes.get("/api/security/trusted", Access.ADMIN, "security", "the custom trusted CA certificates", this::trusted);
        routes.post("/api/security/trusted", Access.ADMIN, "security", "add a trusted CA certificate: {name, content (base64)}", this::addTrusted);
        routes.delete("/api/security/trusted", Access.ADMIN, "security", "remove a trusted CA certificate: ?file=NAME", this::removeTrusted);
        routes.get("/api/security/permissions", Access.ADMIN, "security", "the permission file's items in force", this::permissions);
        routes.post("/api/security/permissions", Access.ADMIN, "security",
                "install UserAccessPermission.xml: {name, content (base64)}", this::installPermissions);
        routes.delete("/api/security/permissions", Access.ADMIN, "security", "remove the uploaded permission file", this::removePermissions);
    }

    private void users(Exchange exchange) {
        Config config = context.current();
        JsonArray users = new JsonArray();
        for (Access level : Access.values()) {
            JsonObject user = new JsonObject();
            user.addProperty("level", Passwords.name(level));
            user.addProperty("name", config.string("security.user_name." + Passwords.name(level)));
            user.addProperty("enabled", Logins.name(config, level).isPresent());
            user.addProperty("factoryPassword", context.logins.factoryPassword(level));
            users.add(user);
        }
        exchange.send(200, users);
    }

    private void setPassword(Exchange exchange) {
        JsonObject body = exchange.json();
        Access level;
        try {
            level = Access.valueOf(Json.string(body, "level").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("level must be user, var or admin");
        }
        context.logins.setPassword(exchange.session(), level, Json.string(body, "password"));
        exchange.send(200, new JsonObject());
    }

    private void certificate(Exchange exchange) {
        exchange.send(200, context.certificate.info());
    }

    private void replaceCertificate(Exchange exchange) {
        JsonObject body = exchange.json();
        Upload upload = Upload.from(body, WebCertificate.MAX_UPLOAD);
        if (!Set.of("p12", "pfx").contains(upload.extension())) {
            throw new WebError(422, "the web certificate must be a .p12 or .pfx file (ALE L3252-3262)");
        }
        context.certificate.replace(upload.content(), Json.optionalString(body, "password").orElse(""));
        exchange.send(200, context.certificate.info());
    }

    private Path trustedFolder() {
        return context.folder("resources").resolve(ResourceKind.TRUSTED_CERTIFICATE.folder());
    }

    private void trusted(Exchange exchange) throws IOException {
        JsonArray out = new JsonArray();
        for (Path file : trustedFiles()) {
            JsonObject item = new JsonObject();
            item.addProperty("file", file.getFileName().toString());
            try {
                X509Certificate certificate = parseCertificate(Files.readAllBytes(file));
                item.addProperty("subject", certificate.getSubjectX500Principal().getName());
                item.addProperty("issuer", certificate.getIssuerX500Principal().getName());
                item.addProperty("notAfter", certificate.getNotAfter().toInstant().toString());
            } catch (WebError e) {
                item.addProperty("problem", e.getMessage());
            }
            out.add(item);
        }
        exchange.send(200, out);
    }

    private void addTrusted(Exchange exchange) throws IOException {
        Upload upload = Upload.from(exchange.json(), MAX_CERTIFICATE);
        if (!CA_EXTENSIONS.contains(upload.extension())) {
            throw new WebError(422, upload.name() + ": a CA certificate must be .pem, .cer, .crt or .der (ALE L3248-3250)");
        }
        List<Path> present = trustedFiles();
        boolean replacing = present.stream().anyMatch(f -> f.getFileName().toString().equals(upload.name()));
        if (!replacing && present.size() >= MAX_TRUSTED) {
            throw new WebError(422, "there are already " + MAX_TRUSTED + " custom CA certificates, the most the phone keeps (ALE L3248); remove one first");
        }
        X509Certificate certificate = parseCertificate(upload.content());
        Path folder = Files.createDirectories(trustedFolder());
        Path partial = folder.resolve("." + upload.name() + ".part");
        Files.write(partial, upload.content());
        Files.move(partial, folder.resolve(upload.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        JsonObject out = new JsonObject();
        out.addProperty("file", upload.name());
        out.addProperty("subject", certificate.getSubjectX500Principal().getName());
        exchange.send(200, out);
    }

    private void removeTrusted(Exchange exchange) throws IOException {
        String name = exchange.query("file").orElseThrow(() -> WebError.badRequest("give ?file=NAME"));
        Path file = trustedFiles().stream().filter(f -> f.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> WebError.notFound("no trusted certificate " + name));
        Files.delete(file);
        exchange.send(200, new JsonObject());
    }

    private List<Path> trustedFiles() throws IOException {
        Path folder = trustedFolder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static X509Certificate parseCertificate(byte[] content) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(content));
        } catch (CertificateException | ClassCastException e) {
            throw new WebError(422, "not an X.509 certificate in PEM or DER: " + e.getMessage());
        }
    }

    private void permissions(Exchange exchange) {
        Config config = context.current();
        JsonObject out = new JsonObject();
        out.addProperty("enabled", config.bool(Permissions.VAR_ENABLE));
        PermissionFile file = PermissionFile.read(context.permissions.folder());
        JsonObject items = new JsonObject();
        file.entries().forEach((item, permission) -> items.addProperty(item, permission.code()));
        out.add("items", items);
        out.add("warnings", Json.strings(file.warnings()));
        JsonArray pages = new JsonArray();
        for (Pages.Page page : Pages.ALL) {
            JsonObject p = new JsonObject();
            p.addProperty("item", page.item());
            p.addProperty("title", page.title());
            p.addProperty("default", page.defaults().code());
            JsonArray sections = new JsonArray();
            for (Pages.Section section : page.sections()) {
                JsonObject s = new JsonObject();
                s.addProperty("item", section.item());
                s.addProperty("title", section.title());
                s.addProperty("default", section.defaults().code());
                sections.add(s);
            }
            p.add("sections", sections);
            pages.add(p);
        }
        out.add("pages", pages);
        exchange.send(200, out);
    }

    private void installPermissions(Exchange exchange) throws IOException {
        Upload upload = Upload.from(exchange.json(), 512 * 1024);
        PermissionFile file;
        try {
            file = PermissionFile.parse(upload.name(), upload.content());
        } catch (FormatException e) {
            throw new WebError(422, e.getMessage());
        }
        if (file.isEmpty()) {
            throw new WebError(422, upload.name() + " names no item this phone knows", file.warnings());
        }
        Path folder = Files.createDirectories(context.permissions.folder());
        Path partial = folder.resolve("." + PermissionFile.NAME + ".part");
        Files.write(partial, upload.content());
        Files.move(partial, folder.resolve(PermissionFile.NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        JsonObject out = new JsonObject();
        out.addProperty("items", file.entries().size());
        out.add("warnings", Json.strings(file.warnings()));
        out.addProperty("enabled", context.current().bool(Permissions.VAR_ENABLE));
        exchange.send(200, out);
    }

    private void removePermissions(Exchange exchange) throws IOException {
        if (!Files.deleteIfExists(context.permissions.folder().resolve(PermissionFile.NAME))) {
            throw WebError.notFound("no uploaded permission file");
        }
        exchange.send(200, new JsonObject());
    }
}
