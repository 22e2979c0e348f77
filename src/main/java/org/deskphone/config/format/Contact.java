package org.deskphone.config.format;

/**
 * One local contact, whichever form it came in. Numbers are strings: they keep leading zeros
 * ({@code other_number="0000"}, Yealink L1017). Blank fields are empty strings, never null.
 *
 * @param name the name shown (Yealink {@code display_name}; ALE first and last name)
 * @param line the account to call from: 0 means automatic (Yealink {@code line="0"}, L918), otherwise
 *     the line or account number (ALE {@code Account})
 * @param ring {@code Auto}, {@code Resource:RingN.wav} or {@code Custom:Name.wav} (Yealink L922–926),
 *     or an ALE melody name; blank for the default
 * @param group the group's name, blank for none
 */
public record Contact(String name, String firstName, String lastName, String officeNumber, String mobileNumber,
        String otherNumber, String homeNumber, int line, String ring, String group, String photo, boolean favorite) {
}
