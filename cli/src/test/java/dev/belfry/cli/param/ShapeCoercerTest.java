package dev.belfry.cli.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.cli.json.PyJsonWriter;
import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shorthand values coerced by shape (BackCompatVisitor): numbers, booleans, single values promoted to lists. */
class ShapeCoercerTest {
    record Case(String shape, String shorthand, String expected) {}

    static Stream<Case> cases() {
        return Stream.of(
                new Case("MembershipItem", "MemberId=m,Role=Member", "{\"MemberId\": \"m\", \"Role\": \"Member\"}"),
                new Case(
                        "AlexaForBusinessMetadata",
                        "IsAlexaForBusinessEnabled=true",
                        "{\"IsAlexaForBusinessEnabled\": true}"),
                new Case(
                        "AlexaForBusinessMetadata",
                        "IsAlexaForBusinessEnabled=FALSE",
                        "{\"IsAlexaForBusinessEnabled\": false}"),
                new Case(
                        "AlexaForBusinessMetadata",
                        "IsAlexaForBusinessEnabled=maybe",
                        "{\"IsAlexaForBusinessEnabled\": \"maybe\"}"),
                new Case(
                        "UpdateUserRequestItem",
                        "UserId=u,LicenseType=Pro",
                        "{\"UserId\": \"u\", \"LicenseType\": \"Pro\"}"),
                new Case(
                        "AccountSettings",
                        "DisableRemoteControl=true,EnableDialOut=false",
                        "{\"DisableRemoteControl\": true, \"EnableDialOut\": false}"),
                new Case("Account", "SupportedLicenses=Pro", "{\"SupportedLicenses\": [\"Pro\"]}"),
                new Case("Account", "SupportedLicenses=[Pro,Basic]", "{\"SupportedLicenses\": [\"Pro\", \"Basic\"]}"),
                new Case("Account", "SupportedLicenses=Pro,Basic", "{\"SupportedLicenses\": [\"Pro\", \"Basic\"]}"),
                new Case("Account", "Unknown=1", "{\"Unknown\": \"1\"}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void coercesByShape(Case c) {
        Shape shape = ServiceModel.chime().shape(c.shape());
        Object parsed = new ShorthandParser().parse(c.shorthand());
        ShapeCoercer.coerce(parsed, shape);
        assertThat(PyJsonWriter.compact(parsed)).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("badNumbers")
    void badNumbersFailAsPythonDoes(String text, String message) {
        assertThatThrownBy(() -> ShapeCoercer.pyInt(text)).hasMessage(message);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badNumbers() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("ten", "invalid literal for int() with base 10: 'ten'"),
                org.junit.jupiter.params.provider.Arguments.of("1.5", "invalid literal for int() with base 10: '1.5'"),
                org.junit.jupiter.params.provider.Arguments.of("", "invalid literal for int() with base 10: ''"));
    }
}
