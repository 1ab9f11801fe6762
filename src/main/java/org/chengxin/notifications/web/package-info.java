/** The citizen's inbox page and the unread count every page's header shows. */
package org.chengxin.notifications.web;
