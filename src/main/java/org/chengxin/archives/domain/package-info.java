/** Which archives a department holds under the catalog, and the purposes each may be opened for: plain Java. */
package org.chengxin.archives.domain;
