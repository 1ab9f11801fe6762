/** The catalog's public API, public pages, templates and the administrator's editor. */
package org.chengxin.catalog.web;
