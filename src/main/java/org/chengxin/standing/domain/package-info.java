/** How a person's standing is put together, in plain Java. */
package org.chengxin.standing.domain;
