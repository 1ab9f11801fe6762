package org.chengxin.notifications.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.Contacts;
import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.NotificationPreferences.Channels;
import org.chengxin.notifications.NotificationPreferences;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.error.Problems;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 消息设置: per kind of notice, whether it also goes by SMS (to the mobile number of the population register) and by
 * e-mail (to the address the person gives here). The inbox always gets every notice.
 */
@Controller
class MyNotificationSettingsPageController {

    private static final String PAGE = "notifications/settings";

    private final NotificationPreferences preferences;
    private final Contacts contacts;
    private final Citizens citizens;

    MyNotificationSettingsPageController(NotificationPreferences preferences, Contacts contacts, Citizens citizens) {
        this.preferences = preferences;
        this.contacts = contacts;
        this.citizens = citizens;
    }

    @GetMapping("/my/notification-settings")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        fill(citizens.signedIn(who), model);
        return PAGE;
    }

    @PostMapping("/my/notification-settings")
    String save(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(required = false) String email, HttpServletResponse response, Model model) {
        CitizenRef me = citizens.signedIn(who);
        Map<NoticeKind, Channels> choices = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            choices.put(kind, new Channels(form.containsKey("sms-" + kind.name()), form.containsKey("email-" + kind.name())));
        }
        try {
            if (choices.values().stream().anyMatch(Channels::email) && (email == null || email.isBlank())) {
                throw ChengxinException.badRequest("EMAIL_REQUIRED", "选择了以电子邮件接收的，请填写电子邮箱地址");
            }
            contacts.setEmail(me.subject(), email);
            preferences.set(me.subject(), choices);
        } catch (ChengxinException e) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e);
            fill(me, model);
            return PAGE;
        }
        return "redirect:/my/notification-settings?saved";
    }

    private void fill(CitizenRef me, Model model) {
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("choices", preferences.of(me.subject()));
        model.addAttribute("mobile", contacts.mobileOf(me.subject()).map(Masking::mobile).orElse(null));
        model.addAttribute("email", contacts.emailOf(me.subject()).orElse(""));
    }
}
