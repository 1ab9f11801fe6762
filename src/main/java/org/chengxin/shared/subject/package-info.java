/** The subject key: a credit subject's blind index, the pseudonym under which every module stores a person. */
package org.chengxin.shared.subject;
