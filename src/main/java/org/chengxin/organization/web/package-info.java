/** Part of the organization module: web. */
package org.chengxin.organization.web;
