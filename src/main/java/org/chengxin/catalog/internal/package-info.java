/** Storage of catalog versions. */
package org.chengxin.catalog.internal;
