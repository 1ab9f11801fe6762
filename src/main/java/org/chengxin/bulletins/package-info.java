/**
 * 通知公告 and 政策法规 of the public portal: articles the administrator writes, previews, publishes and withdraws,
 * stored in PostgreSQL as plain text and shown as text, so that nothing published can carry markup or script.
 */
@org.springframework.modulith.ApplicationModule(displayName = "通知公告与政策法规 bulletins", allowedDependencies = { "shared" })
package org.chengxin.bulletins;
