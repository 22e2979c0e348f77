package org.deskphone.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deskphone.config.Access;
import org.deskphone.config.format.Contact;
import org.deskphone.config.format.ContactFiles;
import org.deskphone.config.format.ContactList;
import org.deskphone.config.format.ContactWriter;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;

/**
 * The local directory: the contact file in {@code <data>/resources/contacts/} (where provisioning puts the
 * one {@code local_contact.data.url} names), the newest one if there are several. Import checks a file in
 * any of the three forms and stores it there as the newest, replacing the directory as the manuals'
 * imports do (Yealink L904-906, ALE {@code LocalContactUploadMode} 0); export writes it in any form.
 */
final class DirectoryApi {
    static final String FOLDER = "resources/contacts";
    static final long MAX_FILE = 4L * 1024 * 1024;
    private static final String LOCAL = "local-contacts";
    private final WebContext context;

    DirectoryApi(WebContext context) {
        this.context = context;
    }

    void register(Routes routes) {
        routes.get("/api/directory", Access.USER, "directory", "the local contacts and their groups", this::list);
        routes.post("/api/directory/import", Access.USER, "directory",
                "replace the contacts with a Yealink XML, ALE XML or CSV file: {name, content (base64)}", this::importFile);
        routes.get("/api/directory/export", Access.USER, "directory", "the contacts as ?format=yealink|ale|csv", this::export);
    }

    private void list(Exchange exchange) {
        JsonObject out = new JsonObject();
        Optional<Path> file = newest();
        out.addProperty("file", file.map(f -> f.getFileName().toString()).orElse(null));
        ContactList contacts = read(file);
        JsonArray items = new JsonArray();
        for (Contact contact : contacts.contacts()) {
            items.add(Json.GSON.toJsonTree(contact));
        }
        out.add("contacts", items);
        out.add("groups", Json.strings(contacts.groups().stream().map(g -> g.name()).toList()));
        out.add("warnings", Json.strings(contacts.warnings().stream().map(Problem::toString).toList()));
        exchange.send(200, out);
    }

    private void importFile(Exchange exchange) throws IOException {
        Upload upload = Upload.from(exchange.json(), MAX_FILE);
        ContactList list;
        try {
            list = ContactFiles.read(upload.name(), upload.content());
        } catch (FormatException e) {
            throw new WebError(422, e.getMessage());
        }
        Path folder = Files.createDirectories(context.folder(FOLDER));
        String extension = upload.extension().equals("csv") ? "csv" : "xml";
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith(LOCAL + ".")).toList()) {
                Files.delete(file);
            }
        }
        Path partial = folder.resolve("." + LOCAL + ".part");
        Files.write(partial, upload.content());
        Files.move(partial, folder.resolve(LOCAL + "." + extension), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        JsonObject out = new JsonObject();
        out.addProperty("contacts", list.contacts().size());
        out.addProperty("groups", list.groups().size());
        out.add("warnings", Json.strings(list.warnings().stream().map(Problem::toString).toList()));
        exchange.send(200, out);
    }

    private void export(Exchange exchange) {
        ContactWriter.Form form;
        try {
            form = ContactWriter.Form.parse(exchange.query("format").orElse("yealink"));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("format must be yealink, ale or csv");
        }
        String text = ContactWriter.write(read(newest()), form);
        exchange.download(form == ContactWriter.Form.CSV ? "text/csv; charset=utf-8" : "application/xml; charset=utf-8",
                "contacts-" + form.name().toLowerCase(java.util.Locale.ROOT) + "." + form.extension(), text.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Path> newest() {
        Path folder = context.folder(FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .max(Comparator.comparing(DirectoryApi::modified));
        } catch (IOException e) {
            throw new WebError(500, "the contacts folder cannot be read: " + e.getMessage());
        }
    }

    private static ContactList read(Optional<Path> file) {
        if (file.isEmpty()) {
            return new ContactList(List.of(), List.of(), List.of());
        }
        try {
            return ContactFiles.read(file.get().getFileName().toString(), Files.readAllBytes(file.get()));
        } catch (FormatException e) {
            return new ContactList(List.of(), List.of(), List.of(e.problem()));
        } catch (IOException e) {
            throw new WebError(500, "the contact file cannot be read: " + e.getMessage());
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
