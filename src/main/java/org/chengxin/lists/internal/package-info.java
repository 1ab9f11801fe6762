/** Storage of list entries and the listeners that end them. */
package org.chengxin.lists.internal;
