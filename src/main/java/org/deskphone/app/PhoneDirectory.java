package org.deskphone.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deskphone.call.Directory;
import org.deskphone.config.format.Contact;
import org.deskphone.config.format.ContactFiles;
import org.deskphone.config.format.ContactGroup;
import org.deskphone.config.format.ContactList;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;
import org.deskphone.provision.ResourceKind;
import org.tinylog.Logger;

/**
 * The phone's local directory and blacklist: the contact files provisioning installed in
 * {@code <data>/resources/contacts} (either manual's format, {@link ContactFiles}), read when the phone starts
 * and again when provisioning installs one. A file that cannot be read is left out and logged; the others
 * still count. On the phone loop; {@link #current()} may be read from any thread.
 */
final class PhoneDirectory {
    private final Path folder;
    private volatile Directory current = Directory.EMPTY;

    PhoneDirectory(Path resources) {
        this.folder = resources.resolve(ResourceKind.CONTACTS.folder());
    }

    Directory current() {
        return current;
    }

    /** Reads the installed contact files. */
    void load() {
        List<ContactGroup> groups = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (Path file : files()) {
            try {
                ContactList list = ContactFiles.read(file.toString(), Files.readAllBytes(file));
                groups.addAll(list.groups());
                contacts.addAll(list.contacts());
                warnings.addAll(list.warnings());
            } catch (IOException | FormatException e) {
                Logger.error("contact file {} cannot be read; its contacts are not in the directory: {}", file, e.getMessage());
            }
        }
        current = new Directory(new ContactList(groups, contacts, warnings));
        Logger.info("directory: {} contacts, {} blacklisted", current.contacts().size(), current.blacklist().size());
    }

    /** Provisioning installed a resource file; contacts are read again. */
    void installed(ResourceKind kind) {
        if (kind == ResourceKind.CONTACTS) {
            load();
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        // Files being written are hidden (".name.new") until they are moved into place.
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            Logger.error("contact files in {} cannot be listed: {}", folder, e.getMessage());
            return List.of();
        }
    }
}
