/** The citizen's consent page and the public page. */
package org.chengxin.honours.web;
