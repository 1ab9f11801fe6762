/** {@code POST /api/v1/mutual/credit-status} and its access rule. */
package org.chengxin.mutual.web;
