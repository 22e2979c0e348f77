package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.deskphone.testing.Baresip;
import org.deskphone.testing.BaresipPeer;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Blind and attended transfer (REFER, Replaces, NOTIFY sipfrag) with the phone as transferor, transferee and target. */
@ExtendWith(Peers.class)
class TransferIT {

    static AccountSettings user(Kamailio kamailio, String name, boolean autoAnswer) {
        return AccountSettings.builder(1).userName(name).password(Kamailio.password(name)).autoAnswer(autoAnswer)
                .server(ServerSettings.of("127.0.0.1:" + kamailio.port()).withExpires(Duration.ofSeconds(300))).build();
    }

    static TestPhone phone(Kamailio kamailio, String name, boolean autoAnswer) throws Exception {
        TestPhone phone = TestPhone.start(TestPhone.settings(false, user(kamailio, name, autoAnswer)).build());
        phone.awaitRegistered(1);
        return phone;
    }

    @Test
    void transfersBaresipBlindToAnotherPhone(Kamailio kamailio, @BaresipPeer(user = "dave") Baresip dave) throws Exception {
        dave.control().forgetEvents();
        try (TestPhone alice = phone(kamailio, "alice", false); TestPhone target = phone(kamailio, "1001", true)) {
            Call call = alice.dial(1, kamailio.uri("dave"));
            alice.awaitState(call, Call.State.CONNECTED);
            alice.run(() -> call.transfer(kamailio.uri("1001")));
            Call transferred = target.awaitIncoming();
            target.awaitState(transferred, Call.State.CONNECTED);
            assertThat(target.onLoop(() -> transferred.remote().user())).isEqualTo("dave");
            alice.awaitState(call, Call.State.ENDED);
            assertThat(alice.onLoop(() -> call.ending().orElseThrow().reason())).isEqualTo("transferred");
            target.run(transferred::hangUp);
            dave.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
        }
    }

    @Test
    void isTransferredByBaresipToAnotherPhone(Kamailio kamailio,
            @BaresipPeer(user = "frank", autoAnswer = false, record = true, audio = "60 whitenoise vol 0.4") Baresip frank) throws Exception {
        frank.control().forgetEvents();
        try (TestPhone alice = phone(kamailio, "alice", true); TestPhone target = phone(kamailio, "1001", true)) {
            frank.control().command("dial", kamailio.uri("alice"));
            Call original = alice.awaitIncoming();
            alice.awaitState(original, Call.State.CONNECTED);
            frank.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            frank.control().command("transfer", kamailio.uri("1001"));
            Call atTarget = target.awaitIncoming();
            target.awaitState(atTarget, Call.State.CONNECTED);
            assertThat(target.onLoop(() -> atTarget.remote().user())).isEqualTo("alice");
            alice.await("the transfer to be reported", Duration.ofSeconds(10), () -> !alice.replaced.isEmpty());
            Call replacement = alice.replaced.get(0)[1];
            alice.awaitState(replacement, Call.State.CONNECTED);
            alice.awaitState(original, Call.State.ENDED);
            alice.run(replacement::hangUp);
            target.awaitState(atTarget, Call.State.ENDED);
        }
    }

    @Test
    void attendedTransferReplacesTheConsultationCall(Kamailio kamailio) throws Exception {
        try (TestPhone alice = phone(kamailio, "alice", false); TestPhone transferee = phone(kamailio, "1002", true);
                TestPhone target = phone(kamailio, "1003", true)) {
            Call first = alice.dial(1, kamailio.uri("1002"));
            alice.awaitState(first, Call.State.CONNECTED);
            alice.run(first::hold);
            alice.await("the hold", Duration.ofSeconds(10), () -> first.audio().orElseThrow().direction() == MediaDirection.SENDONLY);
            Call consultation = alice.dial(1, kamailio.uri("1003"));
            alice.awaitState(consultation, Call.State.CONNECTED);
            Call targetSide = target.awaitIncoming();

            alice.run(() -> first.transfer(consultation));

            target.await("the replacing call", Duration.ofSeconds(10), () -> !target.replaced.isEmpty());
            Call[] replaced = target.replaced.get(0);
            assertThat(replaced[0]).isSameAs(targetSide);
            target.awaitState(replaced[1], Call.State.CONNECTED);
            assertThat(target.onLoop(() -> replaced[1].remote().user())).isEqualTo("1002");
            target.awaitState(targetSide, Call.State.ENDED);
            alice.awaitState(consultation, Call.State.ENDED);
            alice.awaitState(first, Call.State.ENDED);
            assertThat(alice.onLoop(() -> alice.ua.calls())).isEmpty();
            Call atTransferee = transferee.onLoop(() -> transferee.ua.calls().stream().filter(c -> c.state() == Call.State.CONNECTED)
                    .findFirst().orElseThrow());
            assertThat(transferee.onLoop(() -> atTransferee.remote().user())).isEqualTo("1003");
            target.run(replaced[1]::hangUp);
            transferee.awaitState(atTransferee, Call.State.ENDED);
        }
    }
}
