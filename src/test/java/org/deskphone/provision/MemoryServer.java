package org.deskphone.provision;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provisioning servers in memory, for unit tests of what the phone requests and in which order. The real
 * transports are tested against real servers in the *IT tests; here only the run's logic is under test.
 */
final class MemoryServer implements Transport {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, FetchStatus> failures = new LinkedHashMap<>();
    private final List<String> requested = new ArrayList<>();

    MemoryServer put(String url, String content) {
        files.put(url, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    MemoryServer put(String url, byte[] content) {
        files.put(url, content);
        return this;
    }

    MemoryServer fail(String url, FetchStatus status) {
        failures.put(url, status);
        return this;
    }

    void remove(String url) {
        files.remove(url);
    }

    List<String> requested() {
        return requested;
    }

    Transports transports() {
        return new Transports(Map.of("http", this, "https", this, "tftp", this, "ftp", this));
    }

    @Override
    public byte[] fetch(URI url, Credentials credentials, FetchLimits limits) throws FetchFailure {
        String key = ServerUrls.withoutCredentials(url).toString();
        requested.add(key);
        FetchStatus failure = failures.get(key);
        if (failure != null) {
            throw new FetchFailure(failure, key + ": " + failure);
        }
        byte[] content = files.get(key);
        if (content == null) {
            throw new FetchFailure(FetchStatus.NOT_FOUND, key + ": HTTP 404, not found");
        }
        if (content.length > limits.maxBytes()) {
            throw new FetchFailure(FetchStatus.TOO_LARGE, key + ": too large");
        }
        return content.clone();
    }
}
