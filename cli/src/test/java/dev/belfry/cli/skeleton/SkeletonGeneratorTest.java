package dev.belfry.cli.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.cli.json.PyJsonWriter;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Input and output skeletons; expectations from botocore's ArgumentGenerator (json.dumps of its result). */
class SkeletonGeneratorTest {
    record Case(String operation, String input, String output) {}

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "BatchCreateRoomMembership",
                        "{\"AccountId\": \"\", \"RoomId\": \"\", \"MembershipItemList\": [{\"MemberId\": \"\", \"Role\": \"Administrator\"}]}",
                        "{\"Errors\": [{\"MemberId\": \"MemberId\", \"ErrorCode\": \"ErrorCode\", \"ErrorMessage\": \"ErrorMessage\"}]}"),
                new Case(
                        "CreateRoom",
                        "{\"AccountId\": \"\", \"Name\": \"\", \"ClientRequestToken\": \"\"}",
                        "{\"Room\": {\"RoomId\": \"RoomId\", \"Name\": \"Name\", \"AccountId\": \"AccountId\", \"CreatedBy\": \"CreatedBy\", \"CreatedTimestamp\": \"1970-01-01T00:00:00\", \"UpdatedTimestamp\": \"1970-01-01T00:00:00\"}}"),
                new Case(
                        "UpdateUser",
                        "{\"AccountId\": \"\", \"UserId\": \"\", \"LicenseType\": \"Basic\", \"UserType\": \"PrivateUser\", \"AlexaForBusinessMetadata\": {\"IsAlexaForBusinessEnabled\": true, \"AlexaForBusinessRoomArn\": \"\"}}",
                        "{\"User\": {\"UserId\": \"UserId\", \"AccountId\": \"AccountId\", \"PrimaryEmail\": \"PrimaryEmail\", \"PrimaryProvisionedNumber\": \"PrimaryProvisionedNumber\", \"DisplayName\": \"DisplayName\", \"LicenseType\": \"LicenseType\", \"UserType\": \"UserType\", \"UserRegistrationStatus\": \"UserRegistrationStatus\", \"UserInvitationStatus\": \"UserInvitationStatus\", \"RegisteredOn\": \"1970-01-01T00:00:00\", \"InvitedOn\": \"1970-01-01T00:00:00\", \"AlexaForBusinessMetadata\": {\"IsAlexaForBusinessEnabled\": true, \"AlexaForBusinessRoomArn\": \"AlexaForBusinessRoomArn\"}, \"PersonalPIN\": \"PersonalPIN\"}}"),
                new Case(
                        "ListAccounts",
                        "{\"Name\": \"\", \"UserEmail\": \"\", \"NextToken\": \"\", \"MaxResults\": 0}",
                        "{\"Accounts\": [{\"AwsAccountId\": \"AwsAccountId\", \"AccountId\": \"AccountId\", \"Name\": \"Name\", \"AccountType\": \"AccountType\", \"CreatedTimestamp\": \"1970-01-01T00:00:00\", \"DefaultLicense\": \"DefaultLicense\", \"SupportedLicenses\": [\"License\"], \"AccountStatus\": \"AccountStatus\", \"SigninDelegateGroups\": [{\"GroupName\": \"GroupName\"}]}], \"NextToken\": \"NextToken\"}"),
                new Case(
                        "UpdateBot",
                        "{\"AccountId\": \"\", \"BotId\": \"\", \"Disabled\": true}",
                        "{\"Bot\": {\"BotId\": \"BotId\", \"UserId\": \"UserId\", \"DisplayName\": \"DisplayName\", \"BotType\": \"BotType\", \"Disabled\": true, \"CreatedTimestamp\": \"1970-01-01T00:00:00\", \"UpdatedTimestamp\": \"1970-01-01T00:00:00\", \"BotEmail\": \"BotEmail\", \"SecurityToken\": \"SecurityToken\"}}"),
                new Case(
                        "CreateAccount",
                        "{\"Name\": \"\"}",
                        "{\"Account\": {\"AwsAccountId\": \"AwsAccountId\", \"AccountId\": \"AccountId\", \"Name\": \"Name\", \"AccountType\": \"AccountType\", \"CreatedTimestamp\": \"1970-01-01T00:00:00\", \"DefaultLicense\": \"DefaultLicense\", \"SupportedLicenses\": [\"License\"], \"AccountStatus\": \"AccountStatus\", \"SigninDelegateGroups\": [{\"GroupName\": \"GroupName\"}]}}"),
                new Case(
                        "PutEventsConfiguration",
                        "{\"AccountId\": \"\", \"BotId\": \"\", \"OutboundEventsHTTPSEndpoint\": \"\", \"LambdaFunctionArn\": \"\"}",
                        "{\"EventsConfiguration\": {\"BotId\": \"BotId\", \"OutboundEventsHTTPSEndpoint\": \"OutboundEventsHTTPSEndpoint\", \"LambdaFunctionArn\": \"LambdaFunctionArn\"}}"),
                new Case(
                        "CreateBot",
                        "{\"AccountId\": \"\", \"DisplayName\": \"\", \"Domain\": \"\"}",
                        "{\"Bot\": {\"BotId\": \"BotId\", \"UserId\": \"UserId\", \"DisplayName\": \"DisplayName\", \"BotType\": \"BotType\", \"Disabled\": true, \"CreatedTimestamp\": \"1970-01-01T00:00:00\", \"UpdatedTimestamp\": \"1970-01-01T00:00:00\", \"BotEmail\": \"BotEmail\", \"SecurityToken\": \"SecurityToken\"}}"),
                new Case(
                        "UpdateAccountSettings",
                        "{\"AccountId\": \"\", \"AccountSettings\": {\"DisableRemoteControl\": true, \"EnableDialOut\": true}}",
                        "{}"),
                new Case(
                        "GetRoom",
                        "{\"AccountId\": \"\", \"RoomId\": \"\"}",
                        "{\"Room\": {\"RoomId\": \"RoomId\", \"Name\": \"Name\", \"AccountId\": \"AccountId\", \"CreatedBy\": \"CreatedBy\", \"CreatedTimestamp\": \"1970-01-01T00:00:00\", \"UpdatedTimestamp\": \"1970-01-01T00:00:00\"}}"),
                new Case(
                        "ListRoomMemberships",
                        "{\"AccountId\": \"\", \"RoomId\": \"\", \"MaxResults\": 0, \"NextToken\": \"\"}",
                        "{\"RoomMemberships\": [{\"RoomId\": \"RoomId\", \"Member\": {\"MemberId\": \"MemberId\", \"MemberType\": \"MemberType\", \"Email\": \"Email\", \"FullName\": \"FullName\", \"AccountId\": \"AccountId\"}, \"Role\": \"Role\", \"InvitedBy\": \"InvitedBy\", \"UpdatedTimestamp\": \"1970-01-01T00:00:00\"}], \"NextToken\": \"NextToken\"}"),
                new Case(
                        "BatchSuspendUser",
                        "{\"AccountId\": \"\", \"UserIdList\": [\"\"]}",
                        "{\"UserErrors\": [{\"UserId\": \"UserId\", \"ErrorCode\": \"ErrorCode\", \"ErrorMessage\": \"ErrorMessage\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatesLikeBotocore(Case c) {
        OperationModel op = ServiceModel.chime().operation(c.operation());
        String input =
                op.input() == null ? "{}" : PyJsonWriter.compact(new SkeletonGenerator(false).generate(op.input()));
        String output =
                op.output() == null ? "{}" : PyJsonWriter.compact(new SkeletonGenerator(true).generate(op.output()));
        assertThat(input).isEqualTo(c.input());
        assertThat(output).isEqualTo(c.output());
    }
}
