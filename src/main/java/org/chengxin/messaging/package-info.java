/**
 * The ways out of the platform to a person: SMS and e-mail, each behind an adapter chosen by configuration (an HTTP
 * SMS gateway and SMTP in production; adapters that write the message to the console in the embedded mode). Knows
 * nothing of who a person is or why they are written to: the notifications module and the online enrolment decide
 * that.
 */
@org.springframework.modulith.ApplicationModule(displayName = "短信与邮件通道 messaging", allowedDependencies = { "shared" })
package org.chengxin.messaging;
