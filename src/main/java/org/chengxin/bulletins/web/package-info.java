/** The public pages of the articles and the administrator's editor. */
package org.chengxin.bulletins.web;
