package org.deskphone.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Collection;
import java.util.Optional;

/** The API's JSON: one Gson for every answer, and strict reading of request bodies. */
final class Json {
    static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private Json() {
    }

    /** Reads a request body that must be a JSON object. */
    static JsonObject object(String body) {
        try {
            JsonElement element = JsonParser.parseString(body);
            if (!element.isJsonObject()) {
                throw WebError.badRequest("the body must be a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw WebError.badRequest("the body is not valid JSON: " + e.getMessage());
        }
    }

    /** A required string member. */
    static String string(JsonObject object, String name) {
        return optionalString(object, name).orElseThrow(() -> WebError.badRequest("'" + name + "' is missing"));
    }

    static Optional<String> optionalString(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive()) {
            throw WebError.badRequest("'" + name + "' must be a string");
        }
        return Optional.of(value.getAsString());
    }

    static JsonArray strings(Collection<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
