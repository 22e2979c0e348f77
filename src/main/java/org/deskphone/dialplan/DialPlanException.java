package org.deskphone.dialplan;

/**
 * A digit map, rule or dial-plan setting that cannot be used, with where the problem is. The parsers
 * throw nothing else, whatever the text. The setting that carried the text keeps its previous valid
 * plan: see {@link DialPlan#compile(DialPlanSettings)}.
 */
public final class DialPlanException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String text;
    private final int offset;
    private final String problem;

    DialPlanException(String text, int offset, String problem) {
        this(null, text, offset, problem);
    }

    private DialPlanException(String setting, String text, int offset, String problem) {
        super(describe(setting, text, offset, problem));
        this.setting = setting;
        this.text = text;
        this.offset = offset;
        this.problem = problem;
    }

    /** The same error, naming the setting the text came from (for example {@code DigitMap}). */
    DialPlanException in(String settingName) {
        return new DialPlanException(settingName, text, offset, problem);
    }

    /** The setting the text came from, or null when it was parsed on its own. */
    public String setting() {
        return setting;
    }

    /** The text that was refused. */
    public String text() {
        return text;
    }

    /** Index (from 0) of the character where the problem is, or -1 when it is the value as a whole. */
    public int offset() {
        return offset;
    }

    /** The problem alone, without the setting and position. */
    public String problem() {
        return problem;
    }

    private static String describe(String setting, String text, int offset, String problem) {
        StringBuilder message = new StringBuilder();
        if (setting != null) {
            message.append(setting).append(": ");
        }
        message.append(problem);
        if (offset >= 0) {
            message.append(" at position ").append(offset + 1);
        }
        if (text != null) {
            message.append(" in \"").append(abbreviate(text, offset)).append('"');
        }
        return message.toString();
    }

    /** Long values (maps reach 2,048 characters) are cut around the problem so that messages stay readable. */
    private static String abbreviate(String text, int offset) {
        if (text.length() <= 80) {
            return text;
        }
        int from = Math.max(0, Math.min(offset < 0 ? 0 : offset - 40, text.length() - 80));
        int to = Math.min(text.length(), from + 80);
        return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
    }
}
