/** The citizen's statement pages and dialog, and the platform's review queue. */
package org.chengxin.statements.web;
