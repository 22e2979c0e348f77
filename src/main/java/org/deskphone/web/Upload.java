package org.deskphone.web;

import com.google.gson.JsonObject;
import java.util.Base64;

/** A small file a page sends as JSON: {@code {name, content}} with the content in base64. */
record Upload(String name, byte[] content) {

    static Upload from(JsonObject body, long maxBytes) {
        String name = Json.optionalString(body, "name").orElse("upload").strip();
        byte[] content;
        try {
            content = Base64.getDecoder().decode(Json.string(body, "content").strip());
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("the file's content is not base64");
        }
        if (content.length > maxBytes) {
            throw new WebError(413, name + " is larger than " + maxBytes / 1024 + " KB");
        }
        if (content.length == 0) {
            throw new WebError(422, name + " is empty");
        }
        return new Upload(name.replaceAll("[^A-Za-z0-9._-]", "_"), content);
    }

    /** The name's extension, lower case, without the dot; empty when there is none. */
    String extension() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
