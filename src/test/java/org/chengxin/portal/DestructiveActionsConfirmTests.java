package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every form of every template that destroys or withdraws something (by its action's path or by its button's
 * words) asks first, saying the consequence ({@code data-confirm}, shown by static/js/confirm.js in a dialog),
 * and its button looks destructive ({@code danger}). A new page with a 撤销 button and no confirmation fails here.
 */
class DestructiveActionsConfirmTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>(.*?)</button>", Pattern.DOTALL);
    private static final Pattern DESTRUCTIVE_WORDS = Pattern.compile("撤销|撤回|删除|移除|移出|注销|停用|终止|放弃|不予列入|不予受理");
    private static final Pattern DESTRUCTIVE_ACTION = Pattern.compile(
            "action=\"[^\"]*/(revocation|withdrawal|removal|drop|end|closure|dismissal|deletion|delete)\\b");

    record DestructiveForm(String template, String openingTag, List<String> buttons) {
    }

    @Test
    void everyDestructiveFormAsksForConfirmationWithItsConsequence() throws IOException {
        List<DestructiveForm> forms = destructiveForms();

        assertThat(forms).as("the scan finds the known destructive forms (撤销记录, 撤回授权, 删除工作日, 移出名单 …)").hasSizeGreaterThan(12);
        assertThat(forms).filteredOn(form -> !statesAConsequence(form.openingTag()))
                .as("destructive forms without a data-confirm that states the consequence").isEmpty();
    }

    @Test
    void everyDestructiveButtonLooksDangerous() throws IOException {
        List<String> plain = new ArrayList<>();
        for (DestructiveForm form : destructiveForms()) {
            form.buttons().stream().filter(b -> !b.matches("(?s).*class=\"[^\"]*\\bdanger\\b.*"))
                    .forEach(b -> plain.add(form.template() + ": " + b));
        }
        assertThat(plain).as("submit buttons of destructive forms without the danger style").isEmpty();
    }

    @Test
    void theScanRecognisesADestructiveFormByItsWordsOrItsAction() {
        assertThat(destructive("action=\"@{/x}\" method=\"post\"", "<button type=\"submit\">撤销该记录</button>")).isTrue();
        assertThat(destructive("th:action=\"@{/a/{id}/withdrawal(id=1)}\" method=\"post\"", "<button>确定</button>")).isTrue();
        assertThat(destructive("th:action=\"@{/records}\" method=\"get\"", "<button>撤销的记录</button>")).as("a filter").isFalse();
        assertThat(destructive("th:action=\"@{/admin/staff/1/unlock}\" method=\"post\"", "<button>解除锁定</button>")).isFalse();
    }

    /** A data-confirm that says more than "确定吗": at least ten Chinese characters (literal parts of an expression count). */
    private static boolean statesAConsequence(String openingTag) {
        int at = openingTag.indexOf("data-confirm=");
        return at >= 0 && openingTag.substring(at).codePoints().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count() >= 10;
    }

    private static List<DestructiveForm> destructiveForms() throws IOException {
        List<DestructiveForm> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Matcher form = FORM.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (form.find()) {
                    if (destructive(form.group(1), form.group(2))) {
                        found.add(new DestructiveForm(TEMPLATES.relativize(file).toString(), form.group(1), buttons(form.group(2))));
                    }
                }
            }
        }
        return found;
    }

    private static boolean destructive(String openingTag, String body) {
        if (!openingTag.toLowerCase().matches("(?s).*method=\"post\".*")) {
            return false;
        }
        return DESTRUCTIVE_ACTION.matcher(openingTag).find()
                || buttons(body).stream().anyMatch(b -> DESTRUCTIVE_WORDS.matcher(b.replaceAll("<[^>]*>", "")).find());
    }

    /** The submit buttons (a button without a type submits), each as its whole tag and text. */
    private static List<String> buttons(String body) {
        List<String> buttons = new ArrayList<>();
        Matcher button = BUTTON.matcher(body);
        while (button.find()) {
            if (!button.group(1).contains("type=\"button\"")) {
                buttons.add(button.group());
            }
        }
        return buttons;
    }
}
