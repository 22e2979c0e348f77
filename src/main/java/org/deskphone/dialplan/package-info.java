/**
 * The dial plan: decides, key by key, when a number is complete, what is actually dialled and what is
 * refused. Pure logic on the phone loop: {@link org.deskphone.dialplan.Dialer} uses the loop's timers
 * and nothing else.
 *
 * <p>What other features call: {@link org.deskphone.dialplan.DialPlan#compile} (and
 * {@link org.deskphone.dialplan.DialPlan#update}, which keeps the previous plan when new settings are
 * refused), {@link org.deskphone.dialplan.Dialer} for keypad dialling,
 * {@link org.deskphone.dialplan.DialPlan#resolve} for a complete number (history, directory, forward
 * target), {@link org.deskphone.dialplan.DialPlanTester} for "what would happen if…", and the
 * {@link org.deskphone.dialplan.Decision}s they all answer with. The order in which the rules apply is
 * written down in {@link org.deskphone.dialplan.DialPlan}.
 *
 * <h2>Choices where the manuals are silent or ambiguous</h2>
 * Each is what a PBX administrator would expect; the test that pins it is named in brackets.
 * <ol>
 * <li>Digit map {@code .}: the element before it matches once, then any number of times more, as the
 *     manual's {@code 123.} example requires; RFC 3435 would let it match zero times
 *     ({@code DigitMap}; D-05, {@code DigitMapTest.rfcExamples}).
 * <li>A complete string without {@code T} dials at once even when a longer string could still match
 *     (ALE digest A-11a; D-17, D-20). A complete string with a timer waits for it; every key restarts
 *     the waiting.
 * <li>Several rules want to end the dialling: the earliest wins (a string's {@code T}, a dial-now
 *     rule's delay, the auto-dial timer); on a tie a blocking string, then a dialling string, then
 *     dial-now, then the auto-dial timer. Several complete strings: a blocking one wins, then the one
 *     listed first ({@code DigitMap.Run}).
 * <li>No string matches (impossible match): by default the phone keeps collecting and Send or the
 *     auto-dial timer dials the number as typed; {@link org.deskphone.dialplan.ImpossibleMatch#REFUSE}
 *     refuses instead (A-11b; D-02, {@code DialPlanTest.refuseImpossible}).
 * <li>{@code T} takes 0-99 seconds written right after it and ends its string (only {@code !} may
 *     follow); whitespace is ignored (A-11c, A-11d; D-09, D-12).
 * <li>A map with one bad string is refused as a whole with the position of the error, and the phone
 *     keeps its previous plan, rather than dropping the string (the rule over A-11f;
 *     {@code DialPlanTest.invalidConfigurationKeepsThePreviousPlan}).
 * <li>A {@code !} string blocks every number that starts with a match of it ("the number starting with
 *     235 will be blocked", L6267-6268; D-16).
 * <li>Which map is in force for an account, and the account's power to switch the phone-wide map off
 *     for itself: see {@link org.deskphone.dialplan.DialPlan} ({@code DialPlanTest.whichMapIsInForce}).
 *     {@code DigitMapInManualEnable=false} takes the map off typed numbers altogether (D-25).
 * <li>An enabled digit map replaces the ALE dialing rule for that account whatever the map's source
 *     flags (L6278-6280; D-24). The dialing rule's algorithm is in
 *     {@link org.deskphone.dialplan.DialingRule} ({@code DialPlanTest.dialingRule*}).
 * <li>Yealink patterns (replace, dial-now, block-out) use the Yealink guides' syntax and match the
 *     number as a whole (Yealink digest A25; E31, E32); the first matching replace rule applies, then
 *     the area code, which only plain digit strings get (E36). Block-out numbers are checked before and
 *     after rewriting ({@code blockOutAfterRewriting}).
 * <li>Emergency numbers are never refused (lock, block-out, {@code !}, REFUSE), and a key that could
 *     still lead to one is not refused either; they are still rewritten like any number, so that an
 *     administrator can route them. On a locked phone an emergency number dials as soon as it is typed
 *     ({@code DialPlanTest.lockedPhone}, {@code emergencyNumbersAreAlwaysAllowed}).
 * <li>The hotline dials its number as configured, only off hook, also on a locked phone (a lobby
 *     phone); any key cancels it (D-28, D-29).
 * <li>An auto-dial timer of 0 is off; otherwise it dials whatever was typed, a partial match included
 *     (D-30).
 * <li>{@code features.send_pound_key}: with {@code #} as Send, a second {@code #} within
 *     {@link org.deskphone.dialplan.Dialer#SECOND_POUND_WINDOW} enters {@code ##}; otherwise the first
 *     {@code #} sends when the window ends or the next key comes ({@code sendPoundKey}).
 * <li>Keys typed on hook wait for Send or the handset unless Live Dialpad is on ({@code liveDialpad}).
 * <li>A complete number loses its whitespace as well as the filter's characters; one that is not a
 *     dial string (a SIP URI) passes unchanged; dial strings are limited to
 *     {@link org.deskphone.dialplan.DialPlan#MAX_NUMBER_LENGTH} symbols.
 * </ol>
 */
package org.deskphone.dialplan;
