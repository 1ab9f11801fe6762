/** The archive pages of a regulating department's reviewer: its archives, their members, one member's archive. */
package org.chengxin.archives.web;
