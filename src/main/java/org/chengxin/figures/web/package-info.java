/** The public figures page, its chart options as JSON and its access rules. */
package org.chengxin.figures.web;
