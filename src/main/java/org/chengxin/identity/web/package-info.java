/** The identity module's API and pages. */
package org.chengxin.identity.web;
