package org.deskphone.hal;

/** An audio device could not do what was asked; the message names the device and the reason. */
public class AudioDeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AudioDeviceException(String message) {
        super(message);
    }

    public AudioDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
