/** The reviewers' list pages. */
package org.chengxin.lists.web;
