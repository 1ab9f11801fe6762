/** The exchange's API for upstream platforms and the administrator's page of deliveries. */
package org.chengxin.exchange.web;
