/** Reading uploaded text: UTF-8 (with or without BOM), GBK and GB18030, detected or declared. */
package org.chengxin.shared.text;
