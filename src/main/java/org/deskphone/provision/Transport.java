package org.deskphone.provision;

import java.net.URI;

/** One way of fetching a file: TFTP, FTP, HTTP(S). Blocking; runs on the provisioning worker. */
public interface Transport {

    /**
     * Fetches {@code url} within {@code limits}, offering {@code credentials} when the server asks.
     *
     * @return the file's bytes
     * @throws FetchFailure for every way of not getting the whole file, with its status
     */
    byte[] fetch(URI url, Credentials credentials, FetchLimits limits) throws FetchFailure;
}
