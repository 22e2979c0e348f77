package org.deskphone.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link Peers} for a baresip registered to the suite's Kamailio as {@link #user()}. Parameters
 * with equal settings share one instance for the whole run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface BaresipPeer {
    /** Every codec the media engine and baresip share, for {@link #codecs()}. */
    String ALL_CODECS = "pcmu,pcma,G722/16000/1,opus/48000/2";
    /** The modules for {@link #ALL_CODECS}, for {@link #modules()}. */
    String CODEC_MODULES = "g711 g722 opus";

    /** The Kamailio user it registers as (password = user + "pw"). */
    String user();

    boolean autoAnswer() default true;

    /** baresip's {@code audio_codecs}, e.g. {@code pcmu,pcma}, {@code G722/16000/1}, {@code opus/48000/2}. */
    String codecs() default "pcmu,pcma";

    /** Codec and crypto modules to load, e.g. {@code g711 g722 opus srtp}. */
    String modules() default "g711";

    /** baresip's {@code mediaenc}, e.g. {@code srtp-mand}; empty for plain RTP. */
    String mediaEncryption() default "";

    /** Records what it hears and sends under its folder's {@code rec/}. */
    boolean record() default false;

    /**
     * What it sends as its microphone, as sox {@code synth} arguments for a 8 kHz mono WAV, e.g.
     * {@code 120 pinknoise vol 0.3}; empty for the script's default (a 440 Hz tone).
     */
    String audio() default "";

    /**
     * Sends a minute of speech (espeak-ng, the media tests' sentences, 16 kHz) instead of {@link #audio()}:
     * what a perceptual codec such as Opus keeps recognisable, where noise is only kept in kind.
     */
    boolean speech() default false;
}
