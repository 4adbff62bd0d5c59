package exchange.operations.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    @Test
    void shouldWriteNestedObjectsAndArraysWithExactNumbers() {
        final String json = new JsonWriter().beginObject()
            .field("symbol", "AAPL")
            .field("bid", new BigDecimal("190.25"))
            .field("qty", 100)
            .field("halted", false)
            .name("levels").beginArray().value(1).value("two").nullValue().beginObject().endObject().endArray()
            .name("none").value((String) null)
            .endObject().toString();

        assertThat(json).isEqualTo("{\"symbol\":\"AAPL\",\"bid\":190.25,\"qty\":100,\"halted\":false,"
            + "\"levels\":[1,\"two\",null,{}],\"none\":null}");
    }

    @Test
    void shouldEscapeWhatAStringCannotHoldAndWhatWouldCloseAScript() {
        final String json = new JsonWriter().value("a\"b\\c\nd\t</script>\u0001").toString();

        assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\t\\u003c/script\\u003e\\u0001\"");
        assertThat(JsonReader.parse(json)).isEqualTo("a\"b\\c\nd\t</script>\u0001");
    }

    @Test
    void shouldWriteDoublesPlainlyAndNonFiniteOnesAsNull() {
        assertThat(new JsonWriter().beginArray().value(12.5).value(1e-7).value(Double.NaN).endArray().toString())
            .isEqualTo("[12.5,0.0000001,null]");
    }

    @Test
    void shouldRefuseCallsThatDoNotMakeADocument() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().value(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().toString()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldReadEveryKindOfValue() {
        final Map<String, Object> m = JsonReader.parseObject(
            " { \"a\" : [1, -2.50, 3e2, true, false, null, \"x\\u0041\\/\"], \"b\": {\"c\": {}} , \"d\": []}\n");

        assertThat(m).containsOnlyKeys("a", "b", "d");
        assertThat(m.get("a")).isEqualTo(java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.50"),
            new BigDecimal("3e2"), true, false, null, "xA/"));
        assertThat(m.get("b")).isEqualTo(Map.of("c", Map.of()));
        assertThat(m.get("d")).isEqualTo(List.of());
    }

    @Test
    void shouldReadWhatItWrites() {
        final String json = new JsonWriter().beginObject().field("price", new BigDecimal("30000.5"))
            .field("name", "é \u2028 ☃").name("list").beginArray().value(-7).endArray().endObject().toString();

        final Map<String, Object> m = JsonReader.parseObject(json);

        assertThat(m.get("price")).isEqualTo(new BigDecimal("30000.5"));
        assertThat(m.get("name")).isEqualTo("é \u2028 ☃");
        assertThat(m.get("list")).isEqualTo(List.of(new BigDecimal("-7")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{                   | unexpected end of the document",
        "{\"a\":1,}          | expected a name in quotes at character 8",
        "{\"a\":1 \"b\":2}   | expected ',' or '}' at character 8",
        "[1 2]               | expected ',' or ']' at character 4",
        "{\"a\":1,\"a\":2}   | duplicate name \"a\" at character 8",
        "\"abc               | unterminated string",
        "01                  | unexpected text after the document at character 2",
        "-                   | expected a digit",
        "1.                  | expected a digit after '.'",
        "tru                 | unexpected word",
        "{\"a\":1} x         | unexpected text after the document",
        "\"\\q\"             | bad escape '\\q'",
        "nothing             | unexpected word",
        "@                   | unexpected character '@'"})
    void shouldRefuseBadTextSayingWhereAndWhy(final String text, final String problem) {
        assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining(problem);
    }

    @Test
    void shouldRefuseDocumentsNestedTooDeep() {
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(100) + "]".repeat(100)))
            .isInstanceOf(JsonException.class).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void shouldSayWhenADocumentIsNotAnObject() {
        assertThatThrownBy(() -> JsonReader.parseObject("[1]")).hasMessage("expected a JSON object, got an array");
    }
}
