package dev.belfry.server.ops;

import dev.belfry.rooms.AccountService;
import dev.belfry.rooms.RetentionSettings;
import dev.belfry.rooms.SettingsService;
import dev.belfry.rooms.UserSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Issue 13's settings operations (D51-D53, D55, D58) and the sign-in delegate groups (D52). */
final class SettingsOperations {
    private SettingsOperations() {}

    static void register(Operations ops, SettingsService settings, AccountService accounts) {
        ops.add("GetAccountSettings", op -> {
            Field<String> accountId = op.string("AccountId");
            String out = op.output("AccountSettings");
            return (caller, in) -> Views.single(
                    out, Views.ACCOUNT_SETTINGS.render(settings.accountSettings(caller, in.get(accountId))));
        });
        ops.add("UpdateAccountSettings", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<Map<String, Object>> body = op.structure("AccountSettings", "DisableRemoteControl", "EnableDialOut");
            return (caller, in) -> {
                Map<String, Object> s = in.get(body);
                settings.updateAccountSettings(
                        caller, in.get(accountId), (Boolean) s.get("DisableRemoteControl"), (Boolean)
                                s.get("EnableDialOut"));
                return null;
            };
        });
        ops.add("AssociateSigninDelegateGroupsWithAccount", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<List<Object>> groups = op.list("SigninDelegateGroups");
            String groupName = op.itemMember("SigninDelegateGroups", "GroupName");
            return (caller, in) -> {
                List<String> names = in.get(groups).stream()
                        .map(g -> (String) ((Map<?, ?>) g).get(groupName))
                        .toList();
                accounts.associateSigninDelegateGroups(caller, in.get(accountId), names);
                return Map.of(); // 200 with an empty output: the body is {}, as rest-json services send
            };
        });
        ops.add("DisassociateSigninDelegateGroupsFromAccount", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<List<Object>> names = op.list("GroupNames");
            return (caller, in) -> {
                accounts.disassociateSigninDelegateGroups(
                        caller,
                        in.get(accountId),
                        in.get(names).stream().map(String.class::cast).toList());
                return Map.of();
            };
        });
        ops.add("GetGlobalSettings", op -> {
            String business = op.output("BusinessCalling");
            String voice = op.output("VoiceConnector");
            return (caller, in) -> {
                var g = settings.globalSettings(caller);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put(business, Views.BUSINESS_CALLING.render(g));
                out.put(voice, Views.VOICE_CONNECTOR.render(g));
                return out;
            };
        });
        ops.add("UpdateGlobalSettings", op -> {
            Field<Map<String, Object>> business = op.structure("BusinessCalling", "CdrBucket");
            Field<Map<String, Object>> voice = op.structure("VoiceConnector", "CdrBucket");
            return (caller, in) -> {
                Map<String, Object> b = in.get(business);
                Map<String, Object> v = in.get(voice);
                settings.updateGlobalSettings(
                        caller,
                        b != null,
                        b == null ? null : (String) b.get("CdrBucket"),
                        v != null,
                        v == null ? null : (String) v.get("CdrBucket"));
                return null;
            };
        });
        ops.add("GetUserSettings", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userId = op.string("UserId");
            String out = op.output("UserSettings");
            return (caller, in) -> Views.single(
                    out, Views.USER_SETTINGS.render(settings.userSettings(caller, in.get(accountId), in.get(userId))));
        });
        ops.add("UpdateUserSettings", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userId = op.string("UserId");
            Field<Map<String, Object>> body = op.structure(
                    "UserSettings", "Telephony.InboundCalling", "Telephony.OutboundCalling", "Telephony.SMS");
            return (caller, in) -> {
                // the validator has checked that Telephony and its three booleans are all there
                Map<?, ?> t = (Map<?, ?>) in.get(body).get("Telephony");
                settings.updateUserSettings(
                        caller,
                        in.get(accountId),
                        in.get(userId),
                        new UserSettings(
                                (Boolean) t.get("InboundCalling"), (Boolean) t.get("OutboundCalling"), (Boolean)
                                        t.get("SMS")));
                return null;
            };
        });
        ops.add("GetRetentionSettings", op -> {
            Field<String> accountId = op.string("AccountId");
            RetentionOutput out = new RetentionOutput(op);
            return (caller, in) -> out.render(settings.retentionSettings(caller, in.get(accountId)));
        });
        ops.add("PutRetentionSettings", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<Map<String, Object>> body = op.structure(
                    "RetentionSettings",
                    "RoomRetentionSettings.RetentionDays",
                    "ConversationRetentionSettings.RetentionDays");
            RetentionOutput out = new RetentionOutput(op);
            return (caller, in) -> {
                Map<String, Object> r = in.get(body);
                return out.render(settings.putRetentionSettings(
                        caller,
                        in.get(accountId),
                        days(r.get("RoomRetentionSettings")),
                        days(r.get("ConversationRetentionSettings"))));
            };
        });
    }

    private static Integer days(Object section) {
        if (!(section instanceof Map<?, ?> m) || m.get("RetentionDays") == null) {
            return null;
        }
        return ((Number) m.get("RetentionDays")).intValue();
    }

    /** Get- and PutRetentionSettings answer the same two members (D58). */
    private static final class RetentionOutput {
        private final String settings;
        private final String deletion;

        RetentionOutput(OperationBinding op) {
            settings = op.output("RetentionSettings");
            deletion = op.output("InitiateDeletionTimestamp");
        }

        Map<String, Object> render(RetentionSettings r) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(settings, Views.RETENTION_SETTINGS.render(r));
            out.put(deletion, r == null ? null : r.initiateDeletionAt());
            return out;
        }
    }
}
