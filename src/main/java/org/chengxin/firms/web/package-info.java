/** The firms' page and API. */
package org.chengxin.firms.web;
