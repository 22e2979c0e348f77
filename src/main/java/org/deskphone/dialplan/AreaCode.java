package org.deskphone.dialplan;

/**
 * Yealink's area code (seed 000 L8424-8512): a number of {@code min_len} to {@code max_len} digits,
 * dialled on one of its lines, gets the code in front ({@code 0592}, 7-8: 8665234 → 05928665234).
 * Only plain digit strings get it: a service code ({@code *72}) or an international number
 * ({@code +…}) is not a local number.
 */
record AreaCode(String code, int minLength, int maxLength, Lines lines) {

    /** The area code in force, or null when {@code code} is blank. */
    static AreaCode of(DialPlanSettings.AreaCodeSettings settings) throws DialPlanException {
        String code = settings.code().strip();
        if (code.isEmpty()) {
            return null;
        }
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DialPlanException(settings.code(), -1, "an area code is digits only").in("dialplan.area_code.code");
        }
        if (settings.minLength() < 1 || settings.minLength() > 15) {
            throw new DialPlanException(String.valueOf(settings.minLength()), -1, "the minimum length is 1 to 15")
                    .in("dialplan.area_code.min_len");
        }
        if (settings.maxLength() < 1 || settings.maxLength() > 15 || settings.maxLength() <= settings.minLength()) {
            throw new DialPlanException(String.valueOf(settings.maxLength()), -1,
                    "the maximum length is 1 to 15 and larger than the minimum length (" + settings.minLength() + ")")
                    .in("dialplan.area_code.max_len");
        }
        try {
            return new AreaCode(code, settings.minLength(), settings.maxLength(), Lines.parse(settings.lines()));
        } catch (DialPlanException e) {
            throw e.in("dialplan.area_code.line_id");
        }
    }

    String apply(String number, int line) {
        boolean local = number.length() >= minLength && number.length() <= maxLength
                && number.chars().allMatch(c -> c >= '0' && c <= '9');
        return local && lines.includes(line) ? code + number : number;
    }
}
