/** The list rules in plain Java. */
package org.chengxin.lists.domain;
