/** The duties cities exchange credit information for and what may cross a region, in plain Java. */
package org.chengxin.mutual.domain;
