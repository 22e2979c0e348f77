package org.deskphone.app;

final class VersionCommand implements Command {

    @Override
    public String summary() {
        return "print the firmware version";
    }

    @Override
    public int run(Arguments arguments, Console console) {
        console.out().println("deskphone " + Version.version());
        console.out().println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        return Main.OK;
    }
}
