package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a broker's QuickFIX/J engine says of messages like the exchange's, good and bad. */
class BrokerDictionariesTest {
    private static final BrokerDictionaries DICTIONARIES = new BrokerDictionaries();

    @Test
    void shouldTakeTheExchangesMassCancelReportsInEveryVersion() {
        assertThat(DICTIONARIES.refusal(framed("8=FIX.4.4|35=r|34=3|49=EXCH|52=20261127-14:16:03.497957|56=BROKER1|"
                + "11=MR2|37=NONE|58=Unknown symbol|530=1|531=0|532=1|533=0|"))).isNull();
        assertThat(DICTIONARIES.refusal(framed("8=FIXT.1.1|35=r|34=7|49=EXCH|52=20261127-14:16:32.306907|56=BROKER2-50|"
                + "11=G4|37=269|530=7|531=7|533=1|1369=269|"))).isNull();
    }

    @Test
    void shouldRefuseAFix44MassCancelRejectReasonOfTwoCharacters() {
        assertThat(DICTIONARIES.refusal(framed("8=FIX.4.4|35=r|34=9|49=EXCH|52=20261127-14:16:04.986164|56=THROTTLED|"
                + "11=T7|37=NONE|530=7|531=0|532=99|533=0|")))
                .startsWith("IncorrectDataFormat").contains("field=532");
    }

    @Test
    void shouldRefuseAFix50Sp2MassCancelReportWithoutMassActionReportId() {
        assertThat(DICTIONARIES.refusal(framed("8=FIXT.1.1|35=r|34=7|49=EXCH|52=20261127-14:16:32.306907|56=BROKER2-50|"
                + "11=G4|37=269|530=7|531=7|533=1|"))).contains("1369");
    }

    @Test
    void shouldCheckAFixtSessionMessageAgainstFixt11() {
        assertThat(DICTIONARIES.refusal(framed("8=FIXT.1.1|35=A|34=1|49=EXCH|52=20261127-14:16:32.306|56=BROKER2-50|"
                + "98=0|108=30|141=Y|1137=9|"))).isNull();
        assertThat(DICTIONARIES.refusal(framed("8=FIXT.1.1|35=A|34=1|49=EXCH|52=20261127-14:16:32.306|56=BROKER2-50|"
                + "98=0|108=30|141=Y|"))).contains("1137");
    }

    @Test
    void shouldRefuseAUserDefinedTagAsABrokersDefaultSettingsDo() {
        assertThat(DICTIONARIES.refusal(framed("8=FIX.4.2|35=0|34=2|49=EXCH|52=20261127-14:16:32.306|56=BROKER1-42|"
                + "8000=N|"))).contains("8000");
    }

    @Test
    void shouldRefuseAMessageWhoseVersionHasNoDictionary() {
        assertThat(DICTIONARIES.refusal(framed("8=FIX.4.1|35=0|34=2|49=EXCH|52=20261127-14:16:32|56=BROKER1|")))
                .isEqualTo("no dictionary for BeginString \"FIX.4.1\"");
    }

    /** The message written with | for SOH, with its BodyLength and CheckSum. */
    private static String framed(String pipes) {
        String text = pipes.replace('|', FixFraming.SOH);
        int afterBeginString = text.indexOf(FixFraming.SOH) + 1;
        String body = text.substring(afterBeginString);
        String head = text.substring(0, afterBeginString) + "9=" + body.length() + FixFraming.SOH + body;
        return head + FixFraming.checksumField(FixFraming.checksum(head));
    }
}
