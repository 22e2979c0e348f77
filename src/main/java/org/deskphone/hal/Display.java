package org.deskphone.hal;

/** The phone's LCD: a character grid or a small pixel panel that draws text cells. */
public interface Display extends AutoCloseable {

    Geometry geometry();

    /** Shows {@code screen} in place of what was there. Called from the phone loop; must not block long. */
    void show(Screen screen);

    @Override
    void close();
}
