package exchange.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import exchange.conformance.FixSpecification.MessageTable;
import exchange.conformance.FixSpecification.Table;
import exchange.fix.FixMessages;
import exchange.fix.FixVersion;
import exchange.fix.SupportedTags;
import exchange.matching.RejectReason;

/**
 * docs/FIX-SPEC.md against the code: the tags the exchange reads from each message a broker sends,
 * and the reject reasons, their texts and their FIX codes in each version. (What the exchange sends is
 * held to the document by {@link ExchangeConformanceTest}, from the messages it really sent.)
 */
class FixSpecificationTest {
    private static FixSpecification specification;

    @BeforeAll
    static void readTheSpecification() throws IOException {
        specification = FixSpecification.read(ModulePaths.fixSpecification());
    }

    @Test
    void shouldDocumentEveryTagTheExchangeReadsFromEachMessageAndNoOther() {
        Map<String, MessageTable> inbound = specification.inbound();

        assertThat(inbound.keySet()).as("messages documented as broker to exchange")
                .containsAll(SupportedTags.messageTypes());
        for (String msgType : SupportedTags.messageTypes()) {
            assertThat(inbound.get(msgType).tags()).as("tags of %s (%s) in docs/FIX-SPEC.md, against "
                            + "exchange.fix.SupportedTags (what OrderEntry reads)", inbound.get(msgType).name(), msgType)
                    .containsExactlyElementsOf(SupportedTags.read(msgType));
        }
    }

    @Test
    void shouldGiveEachRejectReasonTheTextAndCodesTheExchangeSends() {
        Table reasons = specification.table("Reject reasons");
        List<String> documented = new ArrayList<>();
        for (List<String> row : reasons.rows()) {
            RejectReason reason = RejectReason.valueOf(row.get(0));
            documented.add(reason.name());
            assertThat(row.subList(1, 6)).as("row of %s", reason).containsExactly(
                    reason.text(),
                    Integer.toString(FixMessages.ordRejReason(reason, FixVersion.FIX44)),
                    Integer.toString(FixMessages.ordRejReason(reason, FixVersion.FIX42)),
                    Integer.toString(FixMessages.cxlRejReason(reason, FixVersion.FIX44)),
                    Integer.toString(FixMessages.cxlRejReason(reason, FixVersion.FIX42)));
        }
        List<String> all = new ArrayList<>();
        for (RejectReason reason : RejectReason.values()) {
            if (reason != RejectReason.NONE) {
                all.add(reason.name());
            }
        }
        assertThat(documented).as("reasons in the table").containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void shouldGiveFix50Sp2TheCodesOfFix44() {
        for (RejectReason reason : RejectReason.values()) {
            assertThat(FixMessages.ordRejReason(reason, FixVersion.FIX50SP2))
                    .isEqualTo(FixMessages.ordRejReason(reason, FixVersion.FIX44));
            assertThat(FixMessages.cxlRejReason(reason, FixVersion.FIX50SP2))
                    .isEqualTo(FixMessages.cxlRejReason(reason, FixVersion.FIX44));
        }
    }
}
