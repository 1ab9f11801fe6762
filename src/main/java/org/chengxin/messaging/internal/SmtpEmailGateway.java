package org.chengxin.messaging.internal;

import org.chengxin.messaging.EmailGateway;
import org.chengxin.messaging.MessageNotSent;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail through the SMTP server configured with {@code spring.mail.*}. */
class SmtpEmailGateway implements EmailGateway {

    private final JavaMailSender mail;
    private final String from;

    SmtpEmailGateway(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new MessageNotSent("EMAIL_NOT_SENT", "邮件服务器未接收：" + e.getClass().getSimpleName());
        }
    }

    @Override
    public String name() {
        return "SMTP 邮件";
    }
}
