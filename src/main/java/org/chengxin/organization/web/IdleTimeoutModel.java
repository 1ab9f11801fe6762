package org.chengxin.organization.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The idle limit every page's warning script counts down (organization.security.IdleTimeout ends the session). */
@ControllerAdvice
class IdleTimeoutModel {

    private final long seconds;

    IdleTimeoutModel(@Value("${chengxin.security.idle-timeout:PT15M}") Duration idle) {
        this.seconds = idle.toSeconds();
    }

    @ModelAttribute("idleTimeoutSeconds")
    long idleTimeoutSeconds() {
        return seconds;
    }
}
