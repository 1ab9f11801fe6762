/** The citizen's, the window clerk's, the screening staff's and the reviewer's pages, and the API for department systems. */
package org.chengxin.remedies.web;
